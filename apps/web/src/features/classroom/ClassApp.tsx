import { Alerts } from '../../app/Alerts.tsx';
import { Banners } from '../../app/Banners.tsx';
import { ClassHeader } from './ClassHeader.tsx';
import { ClassView } from './ClassView.tsx';

/** The teacher's page on the projector: who joined, what they run, the shared servers, the spotlight. */
export function ClassApp() {
  return (
    <div className="app">
      <ClassHeader />
      <Banners />
      <ClassView />
      <Alerts />
    </div>
  );
}
