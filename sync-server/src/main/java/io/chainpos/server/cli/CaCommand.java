package io.chainpos.server.cli;

import io.chainpos.server.tls.CertificateAuthority;
import io.chainpos.server.tls.Pem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ca}: makes a chain's own certificate authority, for a shop or chain with no PKI of its own. */
@Command(name = "ca", mixinStandardHelpOptions = true,
        description = {"Make a chain CA: chain-ca.pem (give it to the tills) and chain-ca-key.pem (keep it offline, "
                + "readable by you only; it signs the server's certificates)."})
final class CaCommand implements Callable<Integer> {
    static final String CERTIFICATE = "chain-ca.pem";
    static final String KEY = "chain-ca-key.pem";

    private final Services services;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Folder to write chain-ca.pem and chain-ca-key.pem to.")
    private Path out;

    @Option(names = "--name", defaultValue = "ChainPOS chain CA", description = "The CA's name. Default: ${DEFAULT-VALUE}")
    private String name;

    @Option(names = "--days", defaultValue = "3650", description = "Days the CA is valid. Default: ${DEFAULT-VALUE}")
    private int days;

    CaCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1) {
            err.println("sync-server ca: --days must be at least 1");
            return CommandLine.ExitCode.USAGE;
        }
        CertificateAuthority.Issued ca = new CertificateAuthority(new SecureRandom())
                .createCa(name, services.clock().instant(), Duration.ofDays(days));
        try {
            Pem.writePrivateKey(out.resolve(KEY), ca.key());
            Pem.writeCertificates(out.resolve(CERTIFICATE), ca.certificate());
        } catch (IOException e) {
            err.println("sync-server ca: cannot write to " + out + ": " + e.getMessage());
            return Commands.REFUSED;
        }
        spec.commandLine().getOut().println(out.resolve(CERTIFICATE));
        return 0;
    }
}
