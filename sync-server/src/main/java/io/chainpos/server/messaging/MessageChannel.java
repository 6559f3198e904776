package io.chainpos.server.messaging;

/** Where messages leave the chain: an SMS or WeChat gateway behind a webhook, or a file in the demo. */
public interface MessageChannel {

    /** One message as the provider receives it; {@code messageId} is its idempotency key on every attempt. */
    record Outgoing(String messageId, String memberId, String to, MessageKind kind, String lang, String text, String campaignId) {
    }

    /** What one attempt came to. */
    sealed interface Delivery permits Delivered, TryAgain, Refused {
    }

    /** The provider took it (or had taken it already under the same key). */
    record Delivered() implements Delivery {
    }

    /** Not taken this time (a 5xx, a timeout, no connection): the same message may be tried again. */
    record TryAgain(String reason) implements Delivery {
    }

    /** The provider refused it for good (a 4xx): retrying would not help. */
    record Refused(String reason) implements Delivery {
    }

    /** Tries once; an interrupted attempt throws {@link InterruptedException} and leaves the message as it was. */
    Delivery deliver(Outgoing message) throws InterruptedException;
}
