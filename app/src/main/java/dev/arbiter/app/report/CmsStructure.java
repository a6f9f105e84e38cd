package dev.arbiter.app.report;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * The parts of a CMS signature that its cryptographic check does not cover, held to what Arbiter
 * writes: DER encoding, SignedData of detached data with SHA-256, one signer without unsigned
 * attributes, no CRLs, and exactly the certificates the signed signing-certificate-v2 attribute
 * names by hash. Without this, a changed byte in an unsigned part (an OID, a certificate) could
 * leave the signature "valid".
 */
final class CmsStructure {
    private CmsStructure() {
    }

    static void check(CMSSignedData cms, byte[] encoded, SignerInformation signer, List<String> problems) {
        try {
            if (!Arrays.equals(cms.getEncoded("DER"), encoded)) {
                problems.add("the signature is not in canonical (DER) form: it was altered");
            }
        } catch (IOException e) {
            problems.add("the signature cannot be re-encoded: " + e.getMessage());
        }
        if (!CMSObjectIdentifiers.signedData.equals(cms.toASN1Structure().getContentType())) {
            problems.add("the signature is not CMS SignedData");
        }
        SignedData signed = SignedData.getInstance(cms.toASN1Structure().getContent());
        if (signed.getVersion().intValueExact() != 1 || signed.getDigestAlgorithms().size() != 1
                || !NISTObjectIdentifiers.id_sha256.equals(cms.getDigestAlgorithmIDs().iterator().next().getAlgorithm())) {
            problems.add("the signature's version or digest algorithms were altered");
        }
        if (!CMSObjectIdentifiers.data.equals(signed.getEncapContentInfo().getContentType())
                || signed.getEncapContentInfo().getContent() != null) {
            problems.add("the signature's content type was altered");
        }
        if (signed.getCRLs() != null) {
            problems.add("the signature carries unexpected revocation lists");
        }
        if (signer.getVersion() != 1 || signer.getUnsignedAttributes() != null
                || !NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())
                || !absentOrNull(signer.getDigestAlgParams()) || !absentOrNull(signer.getEncryptionAlgParams())
                || !absentOrNull(cms.getDigestAlgorithmIDs().iterator().next().getParameters())) {
            problems.add("the signer information was altered");
        }
        boundCertificates(cms, signer, problems);
    }

    /** Algorithm parameters Arbiter writes are absent or ASN.1 NULL; anything else was edited in. */
    private static boolean absentOrNull(Object parameters) {
        if (parameters == null) {
            return true;
        }
        byte[] encoded;
        try {
            encoded = parameters instanceof byte[] bytes ? bytes
                    : ((ASN1Encodable) parameters).toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            return false;
        }
        return Arrays.equals(encoded, new byte[] {0x05, 0x00});
    }

    private static void boundCertificates(CMSSignedData cms, SignerInformation signer, List<String> problems) {
        Attribute attribute = signer.getSignedAttributes() == null ? null
                : signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            problems.add("the signature does not bind its certificate (no signing-certificate-v2 attribute)");
            return;
        }
        List<String> named = new ArrayList<>();
        for (ESSCertIDv2 id : SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()) {
            ASN1ObjectIdentifier algorithm = id.getHashAlgorithm().getAlgorithm();
            if (!NISTObjectIdentifiers.id_sha256.equals(algorithm)) {
                problems.add("the certificate is bound with an unsupported hash " + algorithm);
                return;
            }
            named.add(HexFormat.of().formatHex(id.getCertHash()));
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> carried = cms.getCertificates().getMatches(null);
        List<String> hashes = new ArrayList<>();
        try {
            for (X509CertificateHolder certificate : carried) {
                hashes.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            problems.add("the certificates cannot be read: " + e.getMessage());
            return;
        }
        if (!named.containsAll(hashes) || !hashes.containsAll(named)) {
            problems.add("the certificates in the signature are not the ones it was signed with");
        }
    }
}
