package org.ondes.catalog.live;

import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ByteBufferFactory;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.codec.CodecException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes {@link SseFrame}s as they are: the framing is done by {@link SseFraming}, not by Micronaut's generic
 * {@code text/event-stream} writer (which would wrap each item in a {@code data:} line). Chosen over that writer
 * because it matches the item type exactly.
 */
@Singleton
@Produces(MediaType.TEXT_EVENT_STREAM)
class SseFrameWriter implements MessageBodyWriter<SseFrame> {
    @Override
    public void writeTo(Argument<SseFrame> type, MediaType mediaType, SseFrame frame, MutableHeaders outgoingHeaders,
                        OutputStream outputStream) throws CodecException {
        try {
            outputStream.write(frame.bytes());
        } catch (IOException e) {
            throw new CodecException("could not write an SSE frame", e);
        }
    }

    @Override
    public ByteBuffer<?> writeTo(Argument<SseFrame> type, MediaType mediaType, SseFrame frame, MutableHeaders outgoingHeaders,
                                 ByteBufferFactory<?, ?> bufferFactory) throws CodecException {
        byte[] bytes = frame.bytes();
        return bufferFactory.wrap(bytes);
    }
}
