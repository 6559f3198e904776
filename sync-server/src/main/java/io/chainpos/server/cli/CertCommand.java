package io.chainpos.server.cli;

import io.chainpos.server.tls.CertificateAuthority;
import io.chainpos.server.tls.Pem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cert}: a server certificate signed by the chain CA of {@code ca}, naming the hosts tills reach it by. */
@Command(name = "cert", mixinStandardHelpOptions = true,
        description = "Make the server's certificate (server.pem, with the CA after it) and key (server-key.pem), signed "
                + "by the chain CA, for serve --tls-cert server.pem --tls-key server-key.pem.")
final class CertCommand implements Callable<Integer> {
    static final String CERTIFICATE = "server.pem";
    static final String KEY = "server-key.pem";

    private final Services services;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--ca", required = true, description = "The chain CA's certificate (chain-ca.pem).")
    private Path caCertificate;

    @Option(names = "--ca-key", required = true, description = "The chain CA's key (chain-ca-key.pem).")
    private Path caKey;

    @Option(names = "--host", required = true,
            description = "A host name or IP address tills use to reach the server; repeat for each.")
    private List<String> hosts;

    @Option(names = "--out", required = true, description = "Folder to write server.pem and server-key.pem to.")
    private Path out;

    @Option(names = "--days", defaultValue = "825", description = "Days the certificate is valid. Default: ${DEFAULT-VALUE}")
    private int days;

    CertCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1) {
            err.println("sync-server cert: --days must be at least 1");
            return CommandLine.ExitCode.USAGE;
        }
        CertificateAuthority.Issued ca;
        try {
            X509Certificate certificate = Pem.readCertificates(caCertificate).getFirst();
            ca = new CertificateAuthority.Issued(certificate, Pem.readPrivateKey(caKey));
        } catch (IOException e) {
            err.println("sync-server cert: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        CertificateAuthority.Issued server;
        try {
            server = new CertificateAuthority(new SecureRandom()).issueServer(ca, hosts, services.clock().instant(),
                    Duration.ofDays(days));
        } catch (IllegalArgumentException e) {
            err.println("sync-server cert: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        try {
            Pem.writePrivateKey(out.resolve(KEY), server.key());
            Pem.writeCertificates(out.resolve(CERTIFICATE), server.certificate(), ca.certificate());
        } catch (IOException e) {
            err.println("sync-server cert: cannot write to " + out + ": " + e.getMessage());
            return Commands.REFUSED;
        }
        spec.commandLine().getOut().println(out.resolve(CERTIFICATE));
        return 0;
    }
}
