package io.chainpos.server.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A chain's own certificate authority, for a shop or chain with no PKI of its own: makes the CA (kept offline by the
 * owner, handed to each till as the server's trust anchor) and signs server certificates naming the server's host
 * names and addresses. Keys are ECDSA P-256; everything is signed with SHA-256.
 */
public final class CertificateAuthority {
    /** An IPv4 or IPv6 literal: these go into the certificate as IP addresses, everything else as DNS names. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    /** A certificate and its private key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
    }

    private final SecureRandom random;

    public CertificateAuthority(SecureRandom random) {
        this.random = random;
    }

    /** A new self-signed CA that may sign server certificates (and nothing below them). */
    public Issued createCa(String name, Instant now, Duration validity) {
        KeyPair keys = newKeyPair();
        X500Name subject = name(name);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minusSeconds(300)),
                    Date.from(now.plus(validity)), subject, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new Issued(sign(builder, keys.getPrivate()), keys.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("the JDK's EC and SHA-256 make a CA certificate", e);
        }
    }

    /** A server certificate signed by {@code ca}, valid for each of {@code hosts} (host names or IP addresses). */
    public Issued issueServer(Issued ca, List<String> hosts, Instant now, Duration validity) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a server certificate names at least one host name or address");
        }
        KeyPair keys = newKeyPair();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                    Date.from(now.minusSeconds(300)), Date.from(now.plus(validity)), name(hosts.getFirst()), keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hosts));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca.certificate()));
            return new Issued(sign(builder, ca.key()), keys.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("the JDK's EC and SHA-256 make a server certificate", e);
        }
    }

    private static GeneralNames alternativeNames(List<String> hosts) {
        GeneralName[] names = hosts.stream().map(String::strip).map(host -> {
            if (IP_LITERAL.matcher(host).matches()) {
                try {
                    return new GeneralName(GeneralName.iPAddress, InetAddress.ofLiteral(host).getHostAddress());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("not an IP address: " + host, e);
                }
            }
            if (!host.matches("[A-Za-z0-9*]([A-Za-z0-9.*-]*[A-Za-z0-9])?")) {
                throw new IllegalArgumentException("not a host name: " + host);
            }
            return new GeneralName(GeneralName.dNSName, host);
        }).toArray(GeneralName[]::new);
        return new GeneralNames(names);
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(random).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has EC P-256", e);
        }
    }

    private BigInteger serial() {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }
}
