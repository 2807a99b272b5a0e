package org.ondes.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.netty.DefaultHttpCompressionStrategy;
import io.micronaut.http.server.netty.HttpCompressionStrategy;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Singleton;

/**
 * Micronaut's compression rules (text-based types from the configured threshold up, or of unknown length), except that Server-Sent Events are never compressed: browsers' EventSource asks for
 * gzip, and a compressor would hold each small event back until its buffer fills (a live update arriving late or not
 * at all through some proxies) and cost a deflater per connected client.
 */
@Singleton
@Replaces(DefaultHttpCompressionStrategy.class)
final class CompressionPolicy implements HttpCompressionStrategy {
    private final int threshold;
    private final int level;
    private final int maxZstdEncodeSize;

    CompressionPolicy(NettyHttpServerConfiguration configuration) {
        this.threshold = configuration.getCompressionThreshold();
        this.level = configuration.getCompressionLevel();
        this.maxZstdEncodeSize = configuration.getMaxZstdEncodeSize();
    }

    @Override
    public boolean shouldCompress(HttpResponse response) {
        String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (type != null && type.regionMatches(true, 0, MediaType.TEXT_EVENT_STREAM, 0, MediaType.TEXT_EVENT_STREAM.length())) {
            return false;
        }
        if (!isEnabled() || type == null || !MediaType.isTextBased(type)) {
            return false;
        }
        long length = HttpUtil.getContentLength(response, -1L);
        return length < 0 || length >= threshold;
    }

    @Override
    public boolean isEnabled() {
        return threshold >= 0;
    }

    @Override
    public int getCompressionLevel() {
        return level;
    }

    @Override
    public int getMaxZstdEncodeSize() {
        return maxZstdEncodeSize;
    }
}
