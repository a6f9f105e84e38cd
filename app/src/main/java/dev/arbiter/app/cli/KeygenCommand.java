package dev.arbiter.app.cli;

import dev.arbiter.app.report.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter keygen}: a self-signed key to sign decision PDFs with. */
@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create a self-signed signing key (PKCS#12) for 'arbiter report --sign'.",
                "  arbiter keygen --out me.p12 --name \"Dana Analyst\" --password",
                "Share the printed fingerprint so readers can tell your signature from anyone else's."})
final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "ME.p12", required = true, description = "The key store to create.")
    private Path out;

    @Option(names = "--name", required = true, description = "The signer's name, as documents will show it.")
    private String name;

    @Option(names = "--email", description = "The signer's e-mail address (optional).")
    private String email;

    @Option(names = "--days", defaultValue = "1825", description = "How long the key is valid (default: ${DEFAULT-VALUE} days).")
    private int days;

    @Option(names = "--alias", defaultValue = SigningKey.DEFAULT_ALIAS, description = "The key's alias in the store (default: ${DEFAULT-VALUE}).")
    private String alias;

    @Option(names = "--force", description = "Overwrite an existing file.")
    private boolean force;

    @Mixin
    private KeyPassword password;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !force) {
            throw new IllegalArgumentException(out + " already exists: choose another --out, or add --force to replace it");
        }
        if (name.isBlank() || days < 1) {
            throw new IllegalArgumentException("--name must not be blank and --days must be at least 1");
        }
        SigningKey key = SigningKey.generate(name, email, days, password.get(), alias, out);
        spec.commandLine().getOut().println("Wrote " + out.toAbsolutePath() + ": self-signed key for '" + name + "', alias '"
                + alias + "', valid until " + key.certificate().getNotAfter().toInstant());
        spec.commandLine().getOut().println("Certificate SHA-256 fingerprint: " + SigningKey.fingerprint(key.certificate()));
        return 0;
    }
}
