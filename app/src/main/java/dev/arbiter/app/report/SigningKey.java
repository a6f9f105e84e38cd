package dev.arbiter.app.report;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * A signing key and its certificate chain from a PKCS#12 file, and {@code arbiter keygen}'s
 * self-signed ones (RSA 3072, SHA-256, document-signing key usage).
 *
 * @param key   the private key
 * @param chain the signer's certificate first
 */
public record SigningKey(PrivateKey key, List<X509Certificate> chain) {
    public static final String DEFAULT_ALIAS = "arbiter";

    public SigningKey {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Creates a self-signed key for {@code name} valid for {@code days}, saved as PKCS#12 under {@code alias}. */
    public static SigningKey generate(String name, String email, int days, char[] password, String alias, Path out)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072, new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).addRDN(BCStyle.O, "Arbiter self-signed");
        if (email != null && !email.isBlank()) {
            subject.addRDN(BCStyle.EmailAddress, email);
        }
        X500Name x500 = subject.build();
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(x500, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(days))), x500, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {certificate});
            try (OutputStream file = Files.newOutputStream(out)) {
                store.store(file, password);
            }
            return new SigningKey(pair.getPrivate(), List.of(certificate));
        } catch (OperatorCreationException | CertIOException e) {
            throw new GeneralSecurityException("cannot create the certificate: " + e.getMessage(), e);
        }
    }

    /** The key under {@code alias} (null: the only key in the file) from a PKCS#12 file. */
    public static SigningKey load(Path file, char[] password, String alias) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException("cannot open " + file + ": wrong password or not a PKCS#12 key store (" + e.getMessage() + ")", e);
        }
        List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
        String chosen = alias;
        if (chosen == null) {
            if (keys.size() != 1) {
                throw new GeneralSecurityException(file + " holds " + keys.size() + " keys " + keys + ": name one with --alias");
            }
            chosen = keys.get(0);
        } else if (!keys.contains(chosen)) {
            throw new GeneralSecurityException(file + " has no key '" + chosen + "'; it has " + keys);
        }
        PrivateKey key = (PrivateKey) store.getKey(chosen, password);
        List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(chosen)).map(c -> (X509Certificate) c).toList();
        return new SigningKey(key, chain);
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (KeyStoreException e) {
            return false;
        }
    }

    /** The certificate subject's common name (CN), or the whole subject when it has none. */
    public static String commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] names = subject.getRDNs(BCStyle.CN);
        return names.length == 0 ? subject.toString()
                : IETFUtils.valueToString(names[0].getFirst().getValue());
    }

    /** The certificate's subject as people read it: {@code CN=Dana Analyst,O=...,E=dana@example.com}. */
    public static String subject(X509Certificate certificate) {
        return X500Name.getInstance(BCStyle.INSTANCE, certificate.getSubjectX500Principal().getEncoded()).toString();
    }

    /** SHA-256 of the certificate, colon-separated hex: what a reader compares to trust a self-signed key. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
