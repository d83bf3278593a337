import { Spinner } from '@fluentui/react-components';
import { useModule } from '../common/useModule.js';

const DASHBOARD_MODULE = () => import('./Dashboard.js');

/** The dashboard's code is loaded only when someone opens it: most people never do. */
export function DashboardView({ serviceId }: { serviceId: string | null }) {
  const mod = useModule(DASHBOARD_MODULE);
  if (!mod) return <Spinner label="Loading the service dashboard…" />;
  const Dashboard = mod.default;
  return <Dashboard serviceId={serviceId} />;
}
