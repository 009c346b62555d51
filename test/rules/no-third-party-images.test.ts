import { ruleTester } from '../support/rule-tester.js';
import { cdnScript, googleFonts, gravatar, ownDomainImage, twoPages } from './third-party-cases.js';

ruleTester('no-third-party-images', {
  valid: [
    { name: 'an image on a declared own domain', evidence: ownDomainImage },
    { name: 'fonts are not images', evidence: googleFonts },
    { name: 'scripts are not images', evidence: cdnScript },
  ],
  invalid: [
    { name: 'Gravatar', evidence: gravatar, codes: ['thirdPartyRequest'], hosts: ['secure.gravatar.com'] },
    // One finding per page.
    {
      name: 'Gravatar on two pages',
      evidence: twoPages,
      codes: ['thirdPartyRequest', 'thirdPartyRequest'],
      hosts: ['secure.gravatar.com', 'secure.gravatar.com'],
    },
  ],
});
