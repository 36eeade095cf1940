import { useState, type ReactNode } from 'react';
import type { ImportSource, VerificationResult } from '../../../../shared/api';
import { call, errorMessage } from '../../api';
import { fileSource, useFilePicker } from '../../ui/files';

/** The files being checked: a report, and for a JSON report the file of its detached signatures. */
interface Checked {
  report: { source: ImportSource; fileName: string };
  signatures?: { source: ImportSource; fileName: string };
}

export interface Verification {
  /** Opens the page's picker for a PDF or JSON report (and its .jws, which may be chosen with it). */
  chooseReport: () => void;
  /** Opens the picker for the signatures file of the JSON report already chosen. */
  chooseSignatures: () => void;
  /** The hidden inputs the pickers need, to render once. */
  inputs: ReactNode;
  checked: Checked | undefined;
  /** A JSON report was chosen without its signatures file. */
  needsSignatures: boolean;
  result: VerificationResult | undefined;
  error: string | undefined;
  busy: boolean;
  /** Checks the same files again (after trusting a certificate, say). */
  checkAgain: () => void;
  clear: () => void;
}

const isJws = (file: File) => file.name.toLowerCase().endsWith('.jws');
const isJson = (name: string) => /\.json$/i.test(name);

/**
 * Checks the signatures of a report file the person picks: a signed PDF, or a JSON report with its `.jws`.
 * The files are read in the page and sent as bytes, so a copy from anywhere (a mail, a USB stick) can be checked.
 */
export function useVerification(): Verification {
  const [checked, setChecked] = useState<Checked>();
  const [result, setResult] = useState<VerificationResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const verify = async (files: Checked) => {
    setChecked(files);
    setResult(undefined);
    setError(undefined);
    if (isJson(files.report.fileName) && !files.signatures) return;
    setBusy(true);
    try {
      setResult(
        await call('report.verify', {
          source: files.report.source,
          ...(files.signatures ? { signatures: files.signatures.source } : {}),
        }),
      );
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const read = async (file: File) => ({ source: await fileSource(file), fileName: file.name });

  const reportPicker = useFilePicker({
    label: 'Report file to verify',
    accept: '.pdf,.json,.jws,application/pdf,application/json',
    multiple: true,
    onFiles: (files) => {
      const report = files.find((f) => !isJws(f));
      const jws = files.find(isJws);
      if (!report) {
        setError('That is only a signatures file (.jws). Choose the JSON report it belongs to, together with it.');
        return;
      }
      void (async () => {
        try {
          await verify({ report: await read(report), ...(jws ? { signatures: await read(jws) } : {}) });
        } catch (caught) {
          setError(errorMessage(caught));
        }
      })();
    },
  });

  const signaturesPicker = useFilePicker({
    label: 'Signatures file (.jws) of the JSON report',
    accept: '.jws',
    onFiles: ([file]) => {
      if (!file || !checked) return;
      void (async () => verify({ report: checked.report, signatures: await read(file) }))();
    },
  });

  return {
    chooseReport: reportPicker.open,
    chooseSignatures: signaturesPicker.open,
    inputs: (
      <>
        {reportPicker.input}
        {signaturesPicker.input}
      </>
    ),
    checked,
    needsSignatures: checked !== undefined && isJson(checked.report.fileName) && !checked.signatures,
    result,
    error,
    busy,
    checkAgain: () => checked && void verify(checked),
    clear: () => {
      setChecked(undefined);
      setResult(undefined);
      setError(undefined);
    },
  };
}
