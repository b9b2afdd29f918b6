// Registers every EPN widget's tag.
import './define/age-chart.js';
