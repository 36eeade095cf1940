import { useEffect, useState } from 'react';
import { call } from '../api';

export function App() {
  const [name, setName] = useState('');
  useEffect(() => {
    void call('app.info', {}).then((info) => setName(`${info.name} ${info.version}`));
  }, []);
  return <main><h1>{name || 'Policy Review Workstation'}</h1></main>;
}
