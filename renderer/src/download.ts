/** A file the backend made (PDF, XLSX), sent as base64 in a call's result. */
export interface DownloadFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** Saves a file from the backend through the browser's download (a Blob and an <a download>). */
export function download(file: DownloadFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; a later revoke only frees the memory.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
