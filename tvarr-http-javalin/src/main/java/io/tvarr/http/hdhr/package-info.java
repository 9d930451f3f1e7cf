/** Every proxy as an HDHomeRun tuner device: discover.json, the lineup, device.xml. */
@NullMarked
package io.tvarr.http.hdhr;

import org.jspecify.annotations.NullMarked;
