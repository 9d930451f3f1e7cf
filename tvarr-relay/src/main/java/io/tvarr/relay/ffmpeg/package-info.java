/** FFmpeg and ffprobe as processes. */
@NullMarked
package io.tvarr.relay.ffmpeg;

import org.jspecify.annotations.NullMarked;
