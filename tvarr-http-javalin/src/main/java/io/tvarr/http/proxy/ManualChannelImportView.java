package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.tvarr.domain.proxy.port.in.ManageManualChannelsUseCase.ImportedManualChannels;

/** What an M3U import did to a proxy's manual channels. */
record ManualChannelImportView(
        @OpenApiDescription("entries added as new channels") int added,

        @OpenApiDescription("entries whose stream URL matched a stored channel, updated keeping its id")
        int updated) {
    static ManualChannelImportView of(ImportedManualChannels imported) {
        return new ManualChannelImportView(imported.added(), imported.updated());
    }
}
