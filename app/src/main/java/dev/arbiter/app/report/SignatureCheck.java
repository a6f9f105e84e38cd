package dev.arbiter.app.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Checks a signed decision PDF: the last signature's byte range covers the whole file but the
 * signature itself, the signature bytes are exactly what was written (no edited padding), and
 * the CMS signature verifies against the signed bytes with the certificate it carries.
 */
public final class SignatureCheck {
    /**
     * What {@code arbiter verify} prints.
     *
     * @param signatures  how many signatures the file has
     * @param signer      the signer's common name, or null
     * @param signedAt    the signing time the signature claims, or null
     * @param fingerprint SHA-256 of the signer's certificate, or null
     * @param subject     the certificate's full subject, or null
     * @param problems    why the file fails; empty when it verifies
     */
    public record Result(int signatures, String signer, Instant signedAt, String fingerprint, String subject,
                         List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return signatures > 0 && problems.isEmpty();
        }
    }

    private SignatureCheck() {
    }

    public static Result verify(byte[] pdf) {
        List<String> problems = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return new Result(0, null, null, null, null, List.of("the file is not signed"));
            }
            PDSignature last = signatures.get(signatures.size() - 1);
            Instant signedAt = last.getSignDate() == null ? null : last.getSignDate().toInstant();
            int[] range = last.getByteRange();
            if (!coverage(range, pdf, problems)) {
                return new Result(signatures.size(), last.getName(), signedAt, null, null, problems);
            }
            byte[] contents = last.getContents(pdf);
            exactSignatureBytes(pdf, range, contents, problems);
            byte[] cms = Arrays.copyOf(contents, encodedLength(contents));
            X509Certificate certificate = checkCms(last.getSignedContent(pdf), cms, problems);
            if (certificate == null) {
                return new Result(signatures.size(), last.getName(), signedAt, null, null, problems);
            }
            if (signedAt != null) {
                try {
                    certificate.checkValidity(Date.from(signedAt));
                } catch (CertificateException e) {
                    problems.add("the certificate was not valid at the claimed signing time " + signedAt + ": " + e.getMessage());
                }
            }
            return new Result(signatures.size(), SigningKey.commonName(certificate), signedAt,
                    SigningKey.fingerprint(certificate), SigningKey.subject(certificate), problems);
        } catch (IOException e) {
            return new Result(0, null, null, null, null, List.of("not a readable PDF: " + e.getMessage()));
        }
    }

    private static boolean coverage(int[] range, byte[] pdf, List<String> problems) {
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0) {
            problems.add("the signature's byte range is malformed");
            return false;
        }
        long end = (long) range[2] + range[3];
        if (end < pdf.length) {
            problems.add((pdf.length - end) + " bytes were added after the file was signed: they are not covered by the signature");
        } else if (end > pdf.length) {
            problems.add("the file is " + (end - pdf.length) + " bytes shorter than when it was signed");
            return false;
        }
        return true;
    }

    /** The hole in the byte range must be exactly {@code <hex>} of the signature followed by zero padding. */
    private static void exactSignatureBytes(byte[] pdf, int[] range, byte[] contents, List<String> problems) {
        String hole = new String(pdf, range[1], range[2] - range[1], StandardCharsets.ISO_8859_1);
        String hex = HexFormat.of().formatHex(contents);
        if (!hole.equals("<" + hex.toUpperCase(Locale.ROOT) + ">") && !hole.equals("<" + hex + ">")) {
            problems.add("the signature value's bytes were altered");
            return;
        }
        int length = encodedLength(contents);
        for (int i = length; i < contents.length; i++) {
            if (contents[i] != 0) {
                problems.add("the signature value's padding was altered");
                return;
            }
        }
    }

    /** How many bytes the ASN.1 object at the start of {@code bytes} takes (DER or BER); the rest is padding. */
    static int encodedLength(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        try (ASN1InputStream asn1 = new ASN1InputStream(in)) {
            asn1.readObject();
            return bytes.length - in.available();
        } catch (IOException | RuntimeException e) {
            return bytes.length;
        }
    }

    private static X509Certificate checkCms(byte[] signed, byte[] contents, List<String> problems) {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                problems.add("expected one signer, found " + signers.size());
                return null;
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                problems.add("the signature does not carry its signer's certificate");
                return null;
            }
            X509CertificateHolder holder = matches.iterator().next();
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
                problems.add("the signature does not match the file: its content changed after signing");
            }
            CmsStructure.check(cms, contents, signer, problems);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CMSException e) {
            problems.add("the signature does not match the file: " + e.getMessage());
            return null;
        } catch (OperatorCreationException | CertificateException | RuntimeException e) {
            problems.add("the signature cannot be read: " + e.getMessage());
            return null;
        }
    }
}
