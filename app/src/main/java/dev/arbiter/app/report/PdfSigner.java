package dev.arbiter.app.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a finished PDF with a PAdES baseline (B-B) signature: an incremental update whose
 * byte range covers the whole file except the signature itself, holding a detached CMS
 * SignedData (SHA-256 with RSA, ETSI.CAdES.detached) with the signing-certificate-v2 attribute
 * and no claimed signing time inside the CMS (the time is the PDF signature's /M, as PAdES asks).
 */
public final class PdfSigner {
    private PdfSigner() {
    }

    /** The signed file's bytes: {@code pdf} with a signature by {@code key} appended. */
    public static byte[] sign(byte[] pdf, SigningKey key, String reason, Instant when) throws IOException, GeneralSecurityException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(SigningKey.commonName(key.certificate()));
            signature.setReason(reason);
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            date.setTimeInMillis(when.toEpochMilli());
            signature.setSignDate(date);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
                document.addSignature(signature, options);
                ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
                external.setSignature(cms(external.getContent(), key));
            }
            return out.toByteArray();
        }
    }

    private static byte[] cms(InputStream content, SigningKey key) throws IOException, GeneralSecurityException {
        try {
            // every certificate carried is bound by its hash, so none can be swapped or edited unnoticed
            ESSCertIDv2[] ids = new ESSCertIDv2[key.chain().size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(key.chain().get(i).getEncoded()));
            }
            Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(ids)));
            CMSAttributeTableGenerator attributes = parameters -> {
                ASN1EncodableVector vector = new ASN1EncodableVector();
                vector.add(new Attribute(CMSAttributes.contentType,
                        new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
                vector.add(new Attribute(CMSAttributes.messageDigest,
                        new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
                vector.add(signingCertificate);
                return new AttributeTable(vector);
            };
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(attributes)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.key()), key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new GeneralSecurityException("cannot sign: " + e.getMessage(), e);
        }
    }
}
