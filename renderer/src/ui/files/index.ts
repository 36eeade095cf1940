/**
 * Files the person chooses and files the app saves, one way each: choose with main's native dialog else the page's
 * picker; read a picked file as bytes for the bridge; save where main's save dialog says else as a download.
 */
export { downloadBase64, downloadText } from './download';
export { fileSource } from './fileSource';
export { fileToBase64 } from './fileToBase64';
export { saveMadeFile, savedWhere, type MadeFile, type SavedTo } from './saveMadeFile';
export { useFileChooser, type FileChooserOptions } from './useFileChooser';
export { useFilePicker, type FilePickerOptions } from './useFilePicker';
