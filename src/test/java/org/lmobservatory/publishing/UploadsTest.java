package org.lmobservatory.publishing;

import org.junit.jupiter.api.Test;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request body on its way to the loader: copied to a file with its checksum, bounded, and removed afterwards. */
class UploadsTest {

    @Test
    void aBodyIsKeptUnderTheClientsPlainFileNameWithItsChecksumAndRemovedAfterwards() throws Exception {
        Path dir = Files.createTempDirectory("uploads-test");
        Uploads uploads = new Uploads(dir, 1_000);
        Uploads.Received received = uploads.receive(new ByteArrayInputStream("sex,time,value\n".getBytes(StandardCharsets.UTF_8)), "../../etc/june data.csv");

        assertEquals("june_data.csv", received.path().getFileName().toString());
        assertTrue(received.path().startsWith(dir));
        assertEquals("sex,time,value\n", Files.readString(received.path()));
        assertEquals(15, received.bytes());
        assertEquals(64, received.checksum().length());
        received.close();
        assertEquals(0, count(dir));
    }

    @Test
    void aBodyOverTheLimitIsA413AndLeavesNoFile() throws Exception {
        Path dir = Files.createTempDirectory("uploads-test");
        Uploads uploads = new Uploads(dir, 100_000);
        // 10 MB that exist only as they are read: the copy must stop at the limit, not read to the end first.
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                return served++ < 10_000_000 ? 'x' : -1;
            }
        };

        ObservatoryException e = assertThrows(ObservatoryException.class, () -> uploads.receive(endless, "big.csv"));

        assertEquals(ErrorKind.BODY_TOO_LARGE, e.kind());
        assertEquals(0, count(dir));
    }

    @Test
    void noNameIsUploadCsv() {
        assertEquals("upload.csv", Uploads.safeName(null));
        assertEquals("upload.csv", Uploads.safeName(".."));
        assertFalse(Uploads.safeName("a/b\\c.tsv").contains("/"));
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
