import { Spinner } from '@fluentui/react-components';
import { useModule } from '../common/useModule.js';

const EVALUATION_MODULE = () => import('./Evaluation.js');

/** The evaluation's code is loaded only when the ECM team opens it. */
export function EvaluationView() {
  const mod = useModule(EVALUATION_MODULE);
  if (!mod) return <Spinner label="Loading the evaluation…" />;
  const Evaluation = mod.default;
  return <Evaluation />;
}
