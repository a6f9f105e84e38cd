package dev.arbiter.app.cli;

import picocli.CommandLine.Option;

/** A key store's password: {@code --password VALUE}, {@code --password} alone to be asked, or {@code ARBITER_KEY_PASSWORD}. */
final class KeyPassword {
    static final String ENVIRONMENT = "ARBITER_KEY_PASSWORD";

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "The key store's password; alone, it is asked for. Default: the environment variable "
                    + ENVIRONMENT + ".")
    private char[] password;

    /** The password given, else the environment's; fails with what to do when there is neither. */
    char[] get() {
        if (password != null) {
            return password;
        }
        String fromEnvironment = System.getenv(ENVIRONMENT);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        if (System.console() != null) {
            char[] typed = System.console().readPassword("Key store password: ");
            if (typed != null) {
                return typed;
            }
        }
        throw new IllegalArgumentException("the key store needs a password: give --password, or set " + ENVIRONMENT);
    }
}
