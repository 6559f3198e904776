package io.chainpos.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/**
 * Where the server's certificate and private key come from: a PEM certificate (the server's own first, then its
 * chain) with a PEM key, or one PKCS#12 file. Loaded into the key store the HTTPS listener serves.
 */
public sealed interface TlsSource {
    /** The key store's entry and its password: in memory only, never written. */
    String ALIAS = "server";

    /** The key store with the server's key and chain under {@link #ALIAS}, protected by {@link #keyPassword()}. */
    KeyStore load() throws Unusable;

    char[] keyPassword();

    record PemFiles(Path certificate, Path key) implements TlsSource {
        private static final char[] IN_MEMORY = "in-memory".toCharArray();

        @Override
        public KeyStore load() throws Unusable {
            try {
                List<X509Certificate> chain = Pem.readCertificates(certificate);
                PrivateKey privateKey = Pem.readPrivateKey(key);
                if (!pairs(chain.getFirst(), privateKey)) {
                    throw new Unusable("the key in " + key + " is not the key of the certificate in " + certificate);
                }
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(ALIAS, privateKey, IN_MEMORY, chain.toArray(Certificate[]::new));
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new Unusable(e.getMessage(), e);
            }
        }

        @Override
        public char[] keyPassword() {
            return IN_MEMORY.clone();
        }

        /** Whether the certificate's public key pairs with {@code privateKey}, checked by signing and verifying. */
        private static boolean pairs(X509Certificate certificate, PrivateKey privateKey)
                throws GeneralSecurityException {
            String algorithm = switch (privateKey.getAlgorithm()) {
                case "EC" -> "SHA256withECDSA";
                case "RSA" -> "SHA256withRSA";
                case "Ed25519", "EdDSA" -> "Ed25519";
                default -> throw new GeneralSecurityException("unsupported key algorithm " + privateKey.getAlgorithm());
            };
            byte[] probe = "chainpos key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            java.security.Signature signer = java.security.Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        }
    }

    /** A PKCS#12 file with one private key entry; its password from the environment. */
    record Pkcs12(Path file, char[] password) implements TlsSource {
        @Override
        public KeyStore load() throws Unusable {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore loaded = KeyStore.getInstance("PKCS12");
                loaded.load(in, password);
                List<String> keys = Collections.list(loaded.aliases()).stream().filter(alias -> isKey(loaded, alias)).toList();
                if (keys.size() != 1) {
                    throw new Unusable(file + " must hold exactly one private key, not " + keys.size());
                }
                Key key = loaded.getKey(keys.getFirst(), password);
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(ALIAS, key, password, loaded.getCertificateChain(keys.getFirst()));
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new Unusable(file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public char[] keyPassword() {
            return password.clone();
        }

        private static boolean isKey(KeyStore store, String alias) {
            try {
                return store.isKeyEntry(alias);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "Pkcs12[file=" + file + ", password=***]";
        }
    }

    /** The certificate or key cannot be served: missing, unreadable, or not a pair. */
    final class Unusable extends Exception {
        public Unusable(String message) {
            super(message);
        }

        public Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
