package io.reaktiv.sample.servers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the health monitor.
 *
 * @param offlineAfter a server not seen for this long is offline
 */
@ConfigurationProperties("sample.servers")
public record ServersProperties(@DefaultValue("60s") Duration offlineAfter) {
}
