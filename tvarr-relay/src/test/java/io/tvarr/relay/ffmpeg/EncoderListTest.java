package io.tvarr.relay.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncoderListTest {
    private static final String OUTPUT = """
            Encoders:
             V..... = Video
             A..... = Audio
             ------
             V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
             V....D hevc_vaapi           H.265/HEVC (VAAPI) (codec hevc)
             V....D libaom-av1           libaom AV1 (codec av1)
             V..... libsvtav1            SVT-AV1(Scalable Video Technology for AV1) encoder (codec av1)
             V....D mpeg2video           MPEG-2 video
             A..... wmav1                Windows Media Audio 1
             A..... aac                  AAC (Advanced Audio Coding)
            """;

    @Test
    void lists_every_encoder_but_not_the_legend() {
        assertThat(EncoderList.parse(OUTPUT).all())
                .containsExactly("libx264", "hevc_vaapi", "libaom-av1", "libsvtav1", "mpeg2video", "wmav1", "aac");
    }

    @Test
    void classes_video_encoders_by_type_and_codec_not_by_name() {
        assertThat(EncoderList.parse(OUTPUT).video())
                .containsExactly("libx264", "hevc_vaapi", "libaom-av1", "libsvtav1");
    }
}
