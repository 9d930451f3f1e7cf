-- The delivery mode that runs FFmpeg is called TRANSCODE now; "relay" is the module that serves every stream.
UPDATE stream_proxy SET delivery_mode = 'TRANSCODE' WHERE delivery_mode = 'RELAY';
