package io.chainpos.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Certificates and private keys as PEM files, the form every web server and reverse proxy takes. Keys are read in
 * PKCS#8, PKCS#1 (RSA) or SEC1 (EC) form, unencrypted; a key file is written readable by its owner only.
 */
public final class Pem {
    private Pem() {
    }

    /** Every certificate in the file, the server's own first when it holds a chain. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IOException(file + " holds no certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IOException(file + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return switch (read) {
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case PEMKeyPair pair -> converter.getPrivateKey(pair.getPrivateKeyInfo());
                case null -> throw new IOException(file + " holds no PEM private key");
                default -> throw new IOException(file + " holds a " + read.getClass().getSimpleName()
                        + ", not an unencrypted private key (PKCS#8, PKCS#1 or SEC1)");
            };
        } catch (PEMException e) {
            throw new IOException(file + " is not a readable private key: " + e.getMessage(), e);
        }
    }

    public static String text(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory cannot fail", e);
        }
        return text.toString();
    }

    public static void writeCertificates(Path file, X509Certificate... certificates) throws IOException {
        write(file, text((Object[]) certificates), false);
    }

    /** Writes a private key in PKCS#8 ({@code BEGIN PRIVATE KEY}), owner-only on POSIX systems; never over an existing file. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        write(file, text(new JcaPKCS8Generator(key, null)), true);
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "will not overwrite it");
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (secret && posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(text);
        }
    }
}
