import { Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { TimelineCategory, TimelineEntry } from '../../api/types.js';
import { useReturnFocus } from '../../common/useReturnFocus.js';
import { AGENCY_LABELS, CONFIDENCE_LABELS, label, restrictedEntryLabel } from '../../labels.js';
import { CategoryIcon, lookOf, ToneMark, type Palette } from '../categories.js';
import { describeWhen } from '../layout.js';

/**
 * An entry opened from the wall: its words in full, when (and how precisely), its category, the
 * agency that knows it and who added it. Where the person may change it, the list's own dialogs
 * (history, edit, restrict or lift, retract) are a button away; focus goes back to the mark on
 * closing. A restricted entry the person may not read says only that it exists, its agency and its
 * life stage: no category, confidence, contributor or history.
 */
export function EntryDialog({
  entry,
  categories,
  palette,
  may,
  onClose,
  onHistory,
  onEdit,
  onRetract,
  onRestrict,
}: {
  entry: TimelineEntry;
  categories: TimelineCategory[];
  palette: Palette;
  may?: { edit: boolean; retract: boolean; restrict?: boolean };
  onClose: () => void;
  onHistory?: (e: TimelineEntry) => void;
  onEdit?: (e: TimelineEntry) => void;
  onRetract?: (e: TimelineEntry) => void;
  onRestrict?: (e: TimelineEntry) => void;
}) {
  useReturnFocus();
  const category = categories.find((c) => c.key === entry.category);
  const look = lookOf(category, palette);
  const when = describeWhen(entry.when);
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{entry.withheld ? restrictedEntryLabel(entry.sourceAgency as never, entry.lifeStage) : `${when.text} (${when.precision})`}</DialogTitle>
          {entry.withheld ? (
            <DialogContent>
              <p>Its text is kept to the ECM team, the psychologist and {label(AGENCY_LABELS, entry.sourceAgency)}.</p>
            </DialogContent>
          ) : (
            <DialogContent>
              <p style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
                <ToneMark look={look} />
                <CategoryIcon look={look} />
                <span>{category?.label ?? entry.category}</span>
                <span>· {label(AGENCY_LABELS, entry.sourceAgency)}</span>
                <Badge appearance="outline" color="informative">
                  {label(CONFIDENCE_LABELS, entry.confidence)}
                </Badge>
              </p>
              <p style={{ overflowWrap: 'anywhere' }}>{entry.description}</p>
              <p>
                <small>
                  {`Added by ${entry.contributorName}`}
                  {entry.restriction ? ' · restricted' : ''}
                  {entry.version > 1 ? ' · edited' : ''}
                </small>
              </p>
            </DialogContent>
          )}
          <DialogActions>
            {onHistory && entry.version > 1 && !entry.withheld ? <Button onClick={() => onHistory(entry)}>History</Button> : null}
            {onEdit && may?.edit ? <Button onClick={() => onEdit(entry)}>Edit</Button> : null}
            {onRestrict && may?.restrict && !entry.withheld && !entry.retraction ? (
              <Button onClick={() => onRestrict(entry)}>{entry.restriction ? 'Lift restriction' : 'Restrict'}</Button>
            ) : null}
            {onRetract && may?.retract ? <Button onClick={() => onRetract(entry)}>Retract</Button> : null}
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
