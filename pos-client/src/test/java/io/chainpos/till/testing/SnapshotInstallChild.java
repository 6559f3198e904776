package io.chainpos.till.testing;

import io.chainpos.till.sync.SyncProgress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.locks.LockSupport;

/**
 * A till program run as a child JVM: opens an enrolled ledger ({@code args[0]}), syncs with the server
 * ({@code args[2]}) downloading snapshots into {@code args[1]}, and once the snapshot's events are going into the
 * ledger prints {@code INSTALLING} and stops there, inside the transaction, until it is killed.
 */
public final class SnapshotInstallChild {
    private SnapshotInstallChild() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[2]);
        SyncedTill till = SyncedTill.reopenDownloading(Path.of(args[0]), Path.of(args[1]), Clock.systemUTC(), () -> server);
        till.agent.onProgress(progress -> {
            if (progress.stage() == SyncProgress.Stage.INSTALLING && progress.done() > 0) {
                System.out.println("INSTALLING " + progress.done() + " of " + progress.total());
                System.out.flush();
                while (true) {
                    LockSupport.park();
                }
            }
        });
        till.sync();
        System.out.println("INSTALLED");
    }
}
