package io.chainpos.till.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * A TCP relay on loopback between a till and its server that cuts connections for real: once armed, a connection
 * whose answer has brought {@code cutAfter} bytes is closed on both sides mid-answer, for the first {@code cuts}
 * such connections; every other byte passes as it is. It keeps what the till sent (plain HTTP: the request heads)
 * and counts the bytes the server sent back, so a test sees on the wire what the till asked for and received.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket listening;
    private final IntSupplier serverPort;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile long cutAfter = Long.MAX_VALUE;
    private volatile long stallAt = Long.MAX_VALUE;
    private final java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean closed;

    public CuttingProxy(IntSupplier serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("cutting-proxy").start(this::accept);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + listening.getLocalPort() + "/");
    }

    /** From now on, closes the next {@code cuts} connections whose answers reach {@code bytes} bytes, at that byte. */
    public void cut(long bytes, int cuts) {
        cutAfter = bytes;
        cutsLeft.set(cuts);
    }

    /**
     * Holds the first connection whose answer reaches {@code bytes} bytes at that byte, as a network that stalls, until
     * {@link #release()}.
     */
    public void stall(long bytes) {
        stallAt = bytes;
    }

    public boolean stalled() {
        return stalled.get();
    }

    /** Lets the stalled answer go on. */
    public void release() {
        released.countDown();
    }

    public int cutsLeft() {
        return cutsLeft.get();
    }

    /** What the till sent, connection by connection, as text. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Every byte the server sent back through the relay so far. */
    public long answeredBytes() {
        return answered.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket till = listening.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort.getAsInt()));
                open.add(till);
                open.add(server);
                int index = requests.size();
                requests.add("");
                Thread.ofPlatform().daemon().start(() -> requests(till, server, index));
                Thread.ofPlatform().daemon().start(() -> answers(server, till));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("the relay stopped accepting", e);
                }
            }
        }
    }

    private void requests(Socket till, Socket server, int index) {
        try (InputStream in = till.getInputStream(); OutputStream out = server.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                out.flush();
                if (index >= 0) {
                    requests.set(index, requests.get(index) + new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            // the other side closed: the relay ends with it
        } finally {
            closeBoth(till, server);
        }
    }

    private void answers(Socket server, Socket till) {
        long sent = 0;
        try (InputStream in = server.getInputStream(); OutputStream out = till.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (sent + read >= stallAt && stalled.compareAndSet(false, true)) {
                    int part = (int) Math.max(0, stallAt - sent);
                    out.write(buffer, 0, part);
                    out.flush();
                    released.await();
                    out.write(buffer, part, read - part);
                    out.flush();
                    sent += read;
                    answered.addAndGet(read);
                    continue;
                }
                long limit = cutAfter;
                if (sent + read >= limit && cutsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    int part = (int) Math.max(0, limit - sent);
                    out.write(buffer, 0, part);
                    out.flush();
                    answered.addAndGet(part);
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
                sent += read;
                answered.addAndGet(read);
            }
        } catch (IOException e) {
            // the other side closed: the relay ends with it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeBoth(till, server);
        }
    }

    private static void closeBoth(Socket a, Socket b) {
        try {
            a.close();
        } catch (IOException ignored) {
            // closing a relay end that is already gone
        }
        try {
            b.close();
        } catch (IOException ignored) {
            // closing a relay end that is already gone
        }
    }

    /** Closes every connection through the relay, as a network that drops does; new ones pass again. */
    public void dropAll() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        released.countDown();
        listening.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
