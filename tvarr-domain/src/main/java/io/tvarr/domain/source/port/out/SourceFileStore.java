package io.tvarr.domain.source.port.out;

import java.io.InputStream;
import java.net.URI;

/**
 * Where uploaded playlists and guides are kept as files that sources read through {@code file:} URLs. Files are
 * written whole or not at all: a reader of a stored URL never sees a partial file.
 */
public interface SourceFileStore {
    /**
     * Copies {@code content} to a new file, streaming (never whole in memory), and names it only once complete.
     * The caller owns and closes {@code content}; a failure while reading it (such as a size limit) leaves no
     * file behind and is thrown as it is.
     *
     * @param suffix how the new file's name ends, such as {@code .m3u} or {@code .xml.gz}
     * @return the new file's {@code file:} URL
     * @throws io.tvarr.domain.StorageException when the file cannot be written
     */
    URI store(String suffix, InputStream content);

    /**
     * Deletes the stored file {@code url} names.
     *
     * @return false when {@code url} is not a file of this store (any other URL is left alone) or is gone already
     */
    boolean delete(URI url);
}
