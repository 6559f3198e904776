package io.chainpos.server.catalog;

/** A wrong value: the field it is in, a code (its words are {@code catalog.problem.<code>}) and the values to name. */
public record Problem(String field, String code, Object... args) {
}
