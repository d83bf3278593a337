import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { useReturnFocus } from './useReturnFocus.js';

/**
 * Asks before an act that others will feel and that cannot be taken back (cancelling a meeting tells
 * everyone invited; an approved formulation is filed and cannot change). An alert dialog: the
 * question is announced, Escape or the second button keeps things as they were, and focus returns to
 * the button that asked.
 */
export function ConfirmDialog({
  title,
  children,
  confirm,
  keep,
  onConfirm,
  onClose,
}: {
  title: string;
  children: React.ReactNode;
  /** The button that acts, in the act's own words ("Cancel the meeting"). */
  confirm: string;
  /** The button that leaves things as they are ("Keep the meeting"). */
  keep: string;
  onConfirm: () => void | Promise<unknown>;
  onClose: () => void;
}) {
  useReturnFocus();
  const [busy, setBusy] = useState(false);
  const act = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      onClose();
    }
  };
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={() => void act()}>
              {confirm}
            </Button>
            <Button onClick={onClose}>{keep}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
