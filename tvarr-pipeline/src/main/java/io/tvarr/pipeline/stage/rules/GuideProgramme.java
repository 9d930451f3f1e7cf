package io.tvarr.pipeline.stage.rules;

import io.tvarr.domain.epg.EpgProgramme;
import org.jspecify.annotations.Nullable;

/**
 * A programme on its way into a proxy's guide.
 *
 * @param channelId the XMLTV channel id it is written under
 * @param channelGroup the group of the output channel it belongs to, which EPG rules may test
 */
public record GuideProgramme(
        EpgProgramme programme, String channelId, @Nullable String channelGroup) {
    public GuideProgramme with(EpgProgramme changed) {
        return changed == programme ? this : new GuideProgramme(changed, channelId, channelGroup);
    }
}
