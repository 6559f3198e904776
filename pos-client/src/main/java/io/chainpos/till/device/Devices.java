package io.chainpos.till.device;

import io.chainpos.till.device.display.CustomerDisplay;
import io.chainpos.till.device.display.NoCustomerDisplay;
import io.chainpos.till.device.display.SerialPoleDisplay;
import io.chainpos.till.device.drawer.CashDrawer;
import io.chainpos.till.device.drawer.DrawerOpener;
import io.chainpos.till.device.drawer.NoCashDrawer;
import io.chainpos.till.device.drawer.PrinterCashDrawer;
import io.chainpos.till.device.printer.EscPosReceiptPrinter;
import io.chainpos.till.device.printer.FilePrinterTransport;
import io.chainpos.till.device.printer.NoReceiptPrinter;
import io.chainpos.till.device.printer.PrintJob;
import io.chainpos.till.device.printer.PrintJobStore;
import io.chainpos.till.device.printer.PrintQueue;
import io.chainpos.till.device.printer.PrinterTransport;
import io.chainpos.till.device.printer.ReceiptFacts;
import io.chainpos.till.device.printer.ReceiptFeed;
import io.chainpos.till.device.printer.ReceiptFormat;
import io.chainpos.till.device.printer.ReceiptPrinter;
import io.chainpos.till.device.printer.ReceiptSources;
import io.chainpos.till.device.printer.ReprintReceipt;
import io.chainpos.till.device.printer.SerialPrinterTransport;
import io.chainpos.till.device.printer.TcpPrinterTransport;
import io.chainpos.till.device.scanner.ScanHandler;
import io.chainpos.till.device.scanner.SerialScanner;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.member.MemberStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The counter hardware of one till, built from its {@link DeviceSettings} and wired to its ledger: receipts
 * print for committed sales, the drawer opens for committed openings, the customer display and a serial
 * scanner are ready. The composition root starts it and closes it; screens and commands use its ports.
 */
public final class Devices implements AutoCloseable {
    private static final Duration SCANNER_RECONNECT = Duration.ofSeconds(2);

    private final ReceiptPrinter printer;
    private final CashDrawer drawer;
    private final CustomerDisplay display;
    private final ReprintReceipt reprint;
    private final SerialScanner serialScanner;
    private final Supplier<List<PrintJob>> waiting;
    private final List<AutoCloseable> closeInOrder;

    private Devices(ReceiptPrinter printer, CashDrawer drawer, CustomerDisplay display, ReprintReceipt reprint,
                    SerialScanner serialScanner, Supplier<List<PrintJob>> waiting, List<AutoCloseable> closeInOrder) {
        this.printer = printer;
        this.waiting = waiting;
        this.drawer = drawer;
        this.display = display;
        this.reprint = reprint;
        this.serialScanner = serialScanner;
        this.closeInOrder = closeInOrder;
    }

    /** Builds the devices the settings describe and starts printing; a serial scanner waits for {@link #startScanner}. */
    public static Devices start(DeviceSettings settings, Ledger ledger, ReceiptSources sources, MemberStore members,
                                BalanceStore balances, Clock clock) {
        List<AutoCloseable> closing = new ArrayList<>();
        DeviceSettings.Printer printerSettings = settings.printer();
        ReceiptFormat format = new ReceiptFormat(printerSettings.paper(), printerSettings.codePage(),
                settings.receipt().language(), clock.getZone(), settings.receipt().header(), settings.receipt().footer(),
                printerSettings.receiptCode());
        ReceiptFacts facts = new ReceiptFacts(ledger, members, balances, sources, new io.chainpos.till.staff.StaffStore());
        Optional<PrinterTransport> transport = transport(printerSettings);
        ReceiptPrinter printer;
        CashDrawer drawer;
        PrintJobStore jobs = new PrintJobStore();
        if (transport.isPresent()) {
            PrintQueue queue = new PrintQueue(ledger, jobs, transport.get(), printerSettings.readStatus(),
                    printerSettings.retryEvery(), clock);
            closing.add(queue);
            printer = new EscPosReceiptPrinter(queue, format, printerSettings.qr());
            drawer = new PrinterCashDrawer(queue);
            // heard before the receipt feed, so a cash sale's drawer opens before its receipt prints
            new DrawerOpener(drawer).listenTo(ledger);
            ReceiptFeed feed = new ReceiptFeed(ledger, facts, printer, jobs, sources, clock);
            closing.addFirst(feed);
            feed.start();
            queue.start();
        } else {
            printer = new NoReceiptPrinter("no receipt printer is set up (printer.transport=none)");
            drawer = new NoCashDrawer();
            new DrawerOpener(drawer).listenTo(ledger);
        }
        DeviceSettings.Display displaySettings = settings.display();
        CustomerDisplay display = displaySettings.present()
                ? new SerialPoleDisplay(displaySettings.port(), displaySettings.baud(), displaySettings.columns(),
                        settings.receipt().language())
                : new NoCustomerDisplay();
        closing.add(display);
        DeviceSettings.Scanner scannerSettings = settings.scanner();
        SerialScanner scanner = scannerSettings.serial()
                ? new SerialScanner(new SerialScanner.Settings(scannerSettings.port(), scannerSettings.baud(),
                        scannerSettings.suffix(), SCANNER_RECONNECT))
                : null;
        if (scanner != null) {
            closing.addFirst(scanner);
        }
        Supplier<List<PrintJob>> waiting = transport.isPresent() ? () -> ledger.read(jobs::waiting) : List::of;
        return new Devices(printer, drawer, display, new ReprintReceipt(ledger, sources, facts, printer, clock), scanner,
                waiting, closing);
    }

    /**
     * A till whose device settings cannot be used: it still sells, records drawer openings and registers
     * members; nothing prints, and the printer's status says why.
     */
    public static Devices unusable(String why, Ledger ledger, ReceiptSources sources, MemberStore members,
                                   BalanceStore balances, Clock clock) {
        ReceiptPrinter printer = new NoReceiptPrinter(why);
        ReprintReceipt reprint = new ReprintReceipt(ledger, sources, new ReceiptFacts(ledger, members, balances, sources,
                new io.chainpos.till.staff.StaffStore()),
                printer, clock);
        return new Devices(printer, new NoCashDrawer(), new NoCustomerDisplay(), reprint, null, List::of, List.of());
    }

    private static Optional<PrinterTransport> transport(DeviceSettings.Printer settings) {
        return Optional.ofNullable(switch (settings.transport()) {
            case NONE -> null;
            case FILE -> FilePrinterTransport.file(Path.of(settings.address()));
            case USB -> FilePrinterTransport.usbDevice(Path.of(settings.address()));
            case SERIAL -> new SerialPrinterTransport(settings.address(), settings.baud(), settings.timeout());
            case TCP -> new TcpPrinterTransport(settings.tcpHost(), settings.tcpPort(), settings.timeout());
        });
    }

    public ReceiptPrinter printer() {
        return printer;
    }

    public CashDrawer drawer() {
        return drawer;
    }

    public CustomerDisplay display() {
        return display;
    }

    public ReprintReceipt reprint() {
        return reprint;
    }

    /** The printouts waiting for the printer, oldest first. */
    public List<PrintJob> waitingPrintouts() {
        return waiting.get();
    }

    /** The serial scanner, when the settings name one. */
    public Optional<SerialScanner> serialScanner() {
        return Optional.ofNullable(serialScanner);
    }

    /** Starts the serial scanner (if any), delivering to {@code handler}; keyboard-wedge scanners attach to a scene. */
    public void startScanner(ScanHandler handler) {
        if (serialScanner != null) {
            serialScanner.start(handler);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable device : closeInOrder) {
            try {
                device.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Devices.class).warn("device.close.failed device={}",
                        device.getClass().getSimpleName(), e);
            }
        }
    }
}
