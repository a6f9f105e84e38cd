package dev.arbiter.app.cli;

import dev.arbiter.app.report.SignatureCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code arbiter verify}: is a decision PDF exactly what its signer signed? */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a signed decision PDF: the signature must cover the whole file and match it.",
                "  arbiter verify decision.pdf",
                "Prints the signer, the signing time and the certificate's fingerprint; exits 1 if anything changed."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DECISION.pdf", description = "The signed PDF.")
    private Path file;

    @picocli.CommandLine.Option(names = "--signer", paramLabel = "SHA256",
            description = "Also require this certificate fingerprint (as arbiter keygen and verify print it; colons optional).")
    private String signer;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    private static String normalised(String fingerprint) {
        return fingerprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        SignatureCheck.Result result = SignatureCheck.verify(Files.readAllBytes(file));
        if (!result.valid()) {
            spec.commandLine().getErr().println("arbiter: " + file + " does NOT verify: " + String.join("; ", result.problems()));
            return 1;
        }
        if (signer != null && !normalised(signer).equals(normalised(result.fingerprint()))) {
            spec.commandLine().getErr().println("arbiter: " + file + " is intact but signed by another key: " + result.signer()
                    + ", certificate SHA-256 " + result.fingerprint() + ", not " + signer);
            return 1;
        }
        var out = spec.commandLine().getOut();
        out.println(file + ": signature valid; it covers the whole file.");
        out.println("Signed by:   " + result.signer() + " (" + result.subject() + ")");
        out.println("Signed at:   " + result.signedAt());
        out.println("Certificate: SHA-256 " + result.fingerprint());
        out.println(signer != null ? "The certificate is the one expected (--signer)."
                : "The certificate is self-signed unless your organisation issued it: compare the fingerprint with the one "
                + "the signer shared, or pass it as --signer.");
        return 0;
    }
}
