package org.lmobservatory.formats;

import org.lmobservatory.observations.ObservationResult;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a format-neutral result to a stream in one format. */
public interface ObservationWriter {
    String contentType();

    void write(ObservationResult result, OutputStream out) throws IOException;
}
