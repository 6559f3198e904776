package io.chainpos.model.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a golden file that does not exist yet, and refuses to touch one that does: a released golden file locks
 * a stored shape (an event version, a printed receipt) and is never regenerated. A changed shape is a new
 * {@code schemaVersion} with an upcaster and a new golden file beside the old one; a deliberate change to a
 * receipt's layout is an edit of its golden file by hand, reviewed as a diff.
 */
public final class GoldenFiles {
    private GoldenFiles() {
    }

    /** Creates {@code file} with {@code content}; fails, changing nothing, when it exists. */
    public static void writeNew(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(file + " exists: a released golden file is never regenerated (write a new "
                    + "schema version with an upcaster, or edit a receipt's golden file by hand and review the diff)", e);
        }
    }
}
