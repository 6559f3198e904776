package io.chainpos.till.sync.sim;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The network between one till and the server nodes, as the simulation decides it, request by request:
 * delivered, dropped on the way there or back, duplicated, delayed (and so reordered), cut off half way,
 * delivered to two nodes at once, or answered after the till died. It runs on the till's calling thread,
 * which is the simulation's, so every decision comes from the one seeded random source in order.
 */
final class SimNetwork implements Interceptor {

    /** What happens to one request. */
    enum Fault {
        DELIVER, DROP_REQUEST, DROP_REPLY, DUPLICATE, DELAY, CUT_REQUEST, CUT_REPLY, BOTH_NODES, TILL_DIES_BEFORE_ACK
    }

    /** The till process died while its request was being answered: the answer never reached its ledger. */
    static final class TillDied extends IOException {
        TillDied() {
            super("the till died before it could record the answer");
        }
    }

    private final Simulation sim;
    private SimTill till;

    SimNetwork(Simulation sim) {
        this.sim = sim;
    }

    void belongsTo(SimTill owner) {
        this.till = owner;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String kind = kind(chain.request());
        Request request = sim.route(chain.request(), sim.nodeFor(till));
        Fault fault = till == null || kind.equals("enroll") ? Fault.DELIVER : sim.faultFor(till, kind);
        sim.trace("%s %s %s", till, kind, fault);
        try {
            return answer(chain, request, fault);
        } finally {
            if (kind.equals("push")) {
                sim.settleServer(); // what the push calls for on the server is done before the next step, whatever its fault
            }
        }
    }

    private Response answer(Chain chain, Request request, Fault fault) throws IOException {
        switch (fault) {
            case DELIVER -> {
                return chain.proceed(request);
            }
            case DROP_REQUEST -> throw new IOException("the request was lost on the way");
            case DROP_REPLY -> {
                chain.proceed(request).close();
                throw new IOException("the reply was lost on the way back");
            }
            case DUPLICATE -> {
                chain.proceed(request).close();
                return chain.proceed(request);
            }
            case DELAY -> {
                sim.delay(request);
                throw new IOException("timed out: the request is stuck somewhere on the way");
            }
            case CUT_REQUEST -> {
                byte[] body = bytes(request);
                byte[] cut = Arrays.copyOf(body, sim.random().nextInt(Math.max(1, body.length - 1)));
                MediaType type = request.body() == null ? null : request.body().contentType();
                try (Response ignored = chain.proceed(request.newBuilder().post(RequestBody.create(cut, type)).build())) {
                    throw new IOException("the connection broke while the batch was being sent");
                }
            }
            case CUT_REPLY -> {
                Response response = chain.proceed(request);
                ResponseBody body = response.body();
                byte[] bytes = body == null ? new byte[0] : body.bytes();
                byte[] cut = Arrays.copyOf(bytes, bytes.length <= 1 ? 0 : sim.random().nextInt(bytes.length - 1));
                return response.newBuilder().body(ResponseBody.create(cut, body == null ? null : body.contentType())).build();
            }
            case BOTH_NODES -> {
                return bothNodes(chain, request);
            }
            case TILL_DIES_BEFORE_ACK -> {
                chain.proceed(request).close();
                throw new TillDied();
            }
        }
        throw new IllegalStateException("unhandled fault " + fault);
    }

    /** The same request reaches both server nodes at the same moment (a load balancer's retry racing the first try). */
    private Response bothNodes(Chain chain, Request request) throws IOException {
        Request other = sim.route(request, 1 - sim.nodeIndexOf(request));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            try (Response response = sim.plainClient().newCall(other).execute()) {
                return response.code();
            } catch (IOException e) {
                return -1;
            }
        });
        Response first = chain.proceed(request);
        try {
            int code = second.get();
            if (code >= 500) {
                throw new IllegalStateException("the second node answered " + code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        return first;
    }

    static byte[] bytes(Request request) throws IOException {
        if (request.body() == null) {
            return new byte[0];
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readByteArray();
    }

    static String kind(Request request) {
        String path = request.url().encodedPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
