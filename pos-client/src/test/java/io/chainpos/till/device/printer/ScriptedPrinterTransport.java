package io.chainpos.till.device.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * A hand-written printer for faults a real one cannot show on demand: it answers status requests from a script
 * keyed by how many printouts it has taken (paper out before the 3rd, say), can be unreachable, or fall silent.
 * It keeps every printout (each write that is not a status request) for the test to read back.
 */
final class ScriptedPrinterTransport implements PrinterTransport {
    private final List<byte[]> printouts = new ArrayList<>();
    private volatile IntFunction<PrinterCondition> condition = printed -> PrinterCondition.READY;
    private volatile boolean reachable = true;
    private volatile boolean writesFail;
    private volatile int opened;

    /** The condition the printer reports, given how many printouts it has taken so far. */
    void script(IntFunction<PrinterCondition> byPrintoutsTaken) {
        this.condition = byPrintoutsTaken;
    }

    void condition(PrinterCondition fixed) {
        script(printed -> fixed);
    }

    void reachable(boolean reachable) {
        this.reachable = reachable;
    }

    /** Opens, then fails every write: a printer unplugged between the connection and the bytes. */
    void writesFail(boolean writesFail) {
        this.writesFail = writesFail;
    }

    synchronized List<byte[]> printouts() {
        return List.copyOf(printouts);
    }

    int opened() {
        return opened;
    }

    @Override
    public PrinterConnection open() throws IOException {
        if (!reachable) {
            throw new IOException("no printer answering (scripted)");
        }
        opened++;
        return new PrinterConnection() {
            @Override
            public void write(byte[] bytes) throws IOException {
                if (writesFail) {
                    throw new IOException("the printer went away mid-write (scripted)");
                }
                synchronized (ScriptedPrinterTransport.this) {
                    printouts.add(bytes.clone());
                }
            }

            @Override
            public OptionalInt ask(byte[] request) throws IOException {
                PrinterCondition now = condition.apply(printouts().size());
                if (now == PrinterCondition.TIMEOUT) {
                    throw new PrinterTimeoutException("no answer (scripted)");
                }
                return OptionalInt.of(StatusAnswers.answer(now, request[2]));
            }

            @Override
            public void close() {
                // nothing to let go of
            }
        };
    }

    @Override
    public String describe() {
        return "scripted";
    }

    /** Everything written, in order. */
    synchronized byte[] allBytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        printouts.forEach(all::writeBytes);
        return all.toByteArray();
    }
}
