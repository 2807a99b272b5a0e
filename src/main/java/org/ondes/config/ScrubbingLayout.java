package org.ondes.config;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log layout of logback.xml: a pattern layout whose whole output (message, arguments, exception text and stack
 * traces, from our code, Micronaut or Netty alike) passes through {@link Secrets#scrub}, so no YP token, bearer token,
 * session cookie or password reaches a log file whoever wrote the line.
 */
public class ScrubbingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return Secrets.scrub(super.doLayout(event));
    }
}
