import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('kafka-exactly-once-obsidian', {
    format: 'md',
    description: 'Obsidian note on exactly-once consume-transform-produce: a producer with transaction ID / idempotence, a transaction coordinator writing committed offsets, a cluster drawn as an unlabelled group of circles and bars, a READ_COMMITTED consumer, a consumer coordinator and consumer_offsets; labels partly bound, partly free text.',
    style: ['product-names', 'multiline-labels'], font: 1, fontSize: 20, roughness: 1, strokeWidth: 1, labelMode: 'bound',
  });
  d.box('prod', 'rect', -420, 40, 130, 70, 'Producer', 'producer');
  d.text(-440, 130, 'transaction ID /\nidempotence', { kind: 'annotation', fontSize: 16 });
  d.cluster('cl', -170, 40, '', 'broker', { n: 3, r: 36 });
  d.box('cons', 'rect', 120, 40, 140, 70, 'Consumer', 'consumer');
  d.text(110, 120, 'READ_COMMITED', { kind: 'annotation', fontSize: 16 });
  d.box('txn', 'rect', -420, 260, 170, 80, 'Transaction\nCoordinator', 'txn-coordinator', { bg: '#ffec99' });
  d.box('coff', 'cyl', -150, 250, 160, 100, 'commited_offset', 'offset-store', { labelMode: 'below', fontSize: 16 });
  d.box('cc', 'rect', 360, 40, 170, 80, 'Consumer\nCoordinator', 'group-coordinator', { bg: '#ffec99' });
  d.box('coo', 'rect', 370, 250, 160, 70, 'Consumer_offsets', 'offset-store', { labelMode: 'below', fontSize: 16 });
  d.arrow('prod', 'cl');
  d.arrow('cl', 'cons', { bind: 'start' });
  d.arrow('prod', 'txn', { label: 'begin / commit' });
  d.arrow('txn', 'coff', { label: 'commit prod', bind: 'start' });
  d.arrow('cons', 'cc');
  d.arrow('cc', 'coo', { bind: 'start', label: 'consumer_offset' });
  d.arrow('txn', 'cl', { bind: 'none', dashed: true, label: 'markers', freeLabel: true });
  d.text(-440, -80, 'Exactly once: consume -> transform -> produce in one transaction', { kind: 'title', fontSize: 24 });
  return d;
};
