package io.chainpos.model.event;

/** The head of a till's event chain in an epoch: the last event's seq and hash, as a Z report prints them. */
public record ChainHead(int epoch, long seq, String hash) {

    /** The first hex digits of the hash, enough to match a printed slip against head office's page by eye. */
    public String shortHash() {
        return EventChain.shortHash(hash);
    }
}
