package io.chainpos.model.json;

/** JSON that is not a valid event or protocol message; the message says what is wrong, for a 400 or a log. */
public final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
