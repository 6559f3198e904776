package io.chainpos.server.http;

import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.ApiError;
import io.chainpos.model.sync.ApiErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty answers some requests itself before Javalin sees them (a path with broken percent-encoding, an
 * ambiguous path); those answers are JSON {@link ApiError}s too, not Jetty's HTML page.
 */
final class JettyJsonErrors extends ErrorHandler {
    private final EventCodec codec;

    JettyJsonErrors(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private byte[] body(int code, String message) {
        String error = (code >= 500 ? ApiErrorCode.INTERNAL_ERROR : code == 404 ? ApiErrorCode.NOT_FOUND : ApiErrorCode.BAD_REQUEST).code();
        String detail = message == null || message.isBlank() ? "the request could not be read" : message;
        return codec.write(ApiError.of(error, detail)).getBytes(StandardCharsets.UTF_8);
    }
}
