import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('kafka-sketch-obsidian', {
    format: 'md-old',
    description: 'A sketchy Obsidian note of Kafka: producers drawn as circles named by free text, the brokers as a group of circles and bars labelled "kafka", a consumer group container with two consumers, a group coordinator diamond and an offsets cylinder; arrows mostly unbound.',
    style: ['product-names', 'abbreviations'], font: 1, fontSize: 18, roughness: 2, strokeWidth: 1, labelMode: 'above',
  });
  d.box('p1', 'ellipse', 0, 0, 70, 70, 'P1', 'producer');
  d.box('p2', 'ellipse', 6, 150, 70, 70, 'P2', 'producer');
  d.cluster('k', 200, 60, 'kafka', 'broker', { n: 4, r: 30 });
  d.container(440, -40, 250, 300, 'consumer group', { boundTitle: true });
  d.box('c1', 'ellipse', 500, 30, 80, 80, 'c1', 'consumer', { labelMode: 'right' });
  d.box('c2', 'ellipse', 504, 150, 80, 80, 'c2', 'consumer', { labelMode: 'right' });
  d.box('gc', 'diamond', 760, 10, 150, 110, 'grp coord', 'group-coordinator', { labelMode: 'inside' });
  d.box('off', 'cyl', 770, 170, 120, 100, 'offsets', 'offset-store', { labelMode: 'below' });
  d.arrow('p1', 'k', { bind: 'none' });
  d.arrow('p2', 'k', { bind: 'none' });
  d.arrow('k', 'c1', { bind: 'none' });
  d.arrow('k', 'c2', { bind: 'none' });
  d.arrow('c1', 'gc', { bind: 'none' });
  d.arrow('c2', 'off', { bind: 'end', label: 'commit', freeLabel: true });
  d.text(0, 300, 'producers append, consumers pull; each group keeps its own offset per partition', { kind: 'note', fontSize: 16 });
  return d;
};
