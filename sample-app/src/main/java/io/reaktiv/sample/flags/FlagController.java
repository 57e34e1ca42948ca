package io.reaktiv.sample.flags;

import io.reaktiv.sample.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Feature flags over HTTP: put flags and user segments, read a user's features. */
@RestController
class FlagController {

    private final FeatureFlags flags;
    private final BetaMonitor beta;

    FlagController(FeatureFlags flags, BetaMonitor beta) {
        this.flags = flags;
        this.beta = beta;
    }

    /**
     * A flag definition.
     *
     * @param enabled whether the flag is on
     * @param segments the segments it targets; empty for everybody
     */
    record FlagRequest(@NotNull(message = "is required (true or false)") Boolean enabled,
            @NotNull(message = "is required (a list of segment names, empty for everybody)")
            @Size(max = 50, message = "must have at most 50 segments")
            Set<@NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> segments) {
    }

    /**
     * A user's segments.
     *
     * @param segments the segments; may be empty
     */
    record SegmentsRequest(
            @NotNull(message = "is required (a list of segment names, may be empty)")
            @Size(max = 50, message = "must have at most 50 segments")
            Set<@NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> segments) {
    }

    @PutMapping("/flags/{name}")
    Flag putFlag(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String name,
            @Valid @RequestBody FlagRequest request) {
        Flag flag = new Flag(request.enabled(), request.segments());
        flags.putFlag(name, flag);
        return flag;
    }

    @GetMapping("/flags")
    Map<String, Flag> flags() {
        return flags.flags().get();
    }

    @GetMapping("/flags/beta-grants")
    List<BetaGrant> betaGrants() {
        return beta.grants();
    }

    @PutMapping("/users/{id}/segments")
    FeatureFlags.UserFeatures putSegments(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @Valid @RequestBody SegmentsRequest request) {
        flags.putSegments(id, request.segments());
        return flags.features(id);
    }

    @GetMapping("/users/{id}/features")
    FeatureFlags.UserFeatures features(@PathVariable String id) {
        return flags.features(id);
    }
}
