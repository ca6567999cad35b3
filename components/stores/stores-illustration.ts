// The empty-state picture of the stores dashboard: a store and a database linked by sync arrows.
// Inline (a data: URL, which the CSP allows for images) so it needs no asset pipeline.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="180" viewBox="0 0 240 180" fill="none">
<ellipse cx="120" cy="160" rx="104" ry="10" fill="#E3E3E3"/>
<rect x="18" y="58" width="84" height="92" rx="10" fill="#FFFFFF" stroke="#8A8A8A" stroke-width="3"/>
<path d="M14 58 L26 34 H94 L106 58 Z" fill="#2BB673" stroke="#0A7D55" stroke-width="3" stroke-linejoin="round"/>
<path d="M14 58 Q24 70 35 58 Q46 70 57 58 Q68 70 79 58 Q90 70 106 58" fill="#FFFFFF" stroke="#0A7D55" stroke-width="3" stroke-linejoin="round"/>
<rect x="32" y="96" width="24" height="54" rx="3" fill="#D4F5E2" stroke="#8A8A8A" stroke-width="3"/>
<rect x="66" y="92" width="24" height="22" rx="3" fill="#D4F5E2" stroke="#8A8A8A" stroke-width="3"/>
<ellipse cx="190" cy="62" rx="32" ry="12" fill="#F3E8FF" stroke="#8A8A8A" stroke-width="3"/>
<path d="M158 62 V132 A32 12 0 0 0 222 132 V62" fill="#F3E8FF" stroke="#8A8A8A" stroke-width="3"/>
<path d="M158 86 A32 12 0 0 0 222 86 M158 110 A32 12 0 0 0 222 110" stroke="#8A8A8A" stroke-width="3"/>
<path d="M114 82 H146" stroke="#0A7D55" stroke-width="4" stroke-linecap="round"/>
<path d="M138 73 L148 82 L138 91" stroke="#0A7D55" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
<path d="M146 116 H114" stroke="#8051FF" stroke-width="4" stroke-linecap="round"/>
<path d="M122 107 L112 116 L122 125" stroke="#8051FF" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

export const STORES_ILLUSTRATION = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
