/** Small binary assets shared by the demo server's tools, resources and icons. */

/** A 16×16 PNG (a blue lens on a light background). */
export const LENS_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAN0lEQVR4nGP48OErSYiBCho08u7AEQENyEpxaWMgqBpND7ka8KtG1jN4NdA+lMiJOHKSBk1SKwA6GDnPJEmq+AAAAABJRU5ErkJggg==";

const LENS_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
  '<circle cx="26" cy="26" r="18" fill="#dbeafe" stroke="#1d4ed8" stroke-width="6"/>' +
  '<path d="M39 39 58 58" stroke="#1d4ed8" stroke-width="8" stroke-linecap="round"/></svg>';

export const LENS_SVG_DATA_URL = `data:image/svg+xml;base64,${Buffer.from(LENS_SVG).toString("base64")}`;
export const LENS_PNG_DATA_URL = `data:image/png;base64,${LENS_PNG_BASE64}`;
