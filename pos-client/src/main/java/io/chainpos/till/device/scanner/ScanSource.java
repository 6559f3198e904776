package io.chainpos.till.device.scanner;

/** A scanner attached to the till, delivering codes to a {@link ScanHandler} from {@link #start} to {@link #close}. */
public interface ScanSource extends AutoCloseable {

    void start(ScanHandler handler);

    @Override
    void close();
}
